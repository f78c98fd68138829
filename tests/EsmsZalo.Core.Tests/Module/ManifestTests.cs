using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using Xunit;

namespace EsmsZalo.Core.Tests.Module;

/// <summary>
/// The staged module in out/EsmsZalo/ (built by `dotnet build`, which this test project triggers through
/// a non-referencing ProjectReference): every file the manifest names is there, and the cmdlets it
/// exports are exactly the [Cmdlet] classes of EsmsZalo.dll, read from metadata without loading it.
/// </summary>
public sealed class ManifestTests
{
    private static readonly string ModuleDir = FindModuleDir();
    private static readonly string Manifest = File.ReadAllText(Path.Combine(ModuleDir, "EsmsZalo.psd1"));

    private static string FindModuleDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "EsmsZalo.sln"))) continue;
            string module = Path.Combine(dir.FullName, "out", "EsmsZalo");
            Assert.True(File.Exists(Path.Combine(module, "EsmsZalo.psd1")),
                $"The staged module is missing: {module}/EsmsZalo.psd1 does not exist. Run `dotnet build` (src/EsmsZalo stages out/EsmsZalo/).");
            return module;
        }
        throw new InvalidOperationException($"No EsmsZalo.sln above {AppContext.BaseDirectory}: cannot find the repository root.");
    }

    /// <summary>The value of <c>Name = 'x'</c>.</summary>
    private static string? Scalar(string name)
    {
        var m = Regex.Match(Manifest, @"^\s*" + name + @"\s*=\s*'([^']*)'", RegexOptions.Multiline);
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>The strings of <c>Name = @( 'a', 'b' )</c> or <c>Name = 'a'</c>; null when the key is absent.</summary>
    private static string[]? List(string name)
    {
        var m = Regex.Match(Manifest, @"^\s*" + name + @"\s*=\s*(@\((?<body>[^)]*)\)|'(?<one>[^']*)')", RegexOptions.Multiline);
        if (!m.Success) return null;
        if (m.Groups["one"].Success) return new[] { m.Groups["one"].Value };
        return Regex.Matches(m.Groups["body"].Value, "'([^']*)'").Select(x => x.Groups[1].Value).ToArray();
    }

    [Fact]
    public void Every_file_the_manifest_names_is_in_the_module_folder()
    {
        string? root = Scalar("RootModule");
        Assert.Equal("EsmsZalo.dll", root);
        var named = new List<string> { root! };
        named.AddRange(List("FormatsToProcess") ?? Array.Empty<string>());
        named.AddRange(List("TypesToProcess") ?? Array.Empty<string>());
        named.AddRange(List("RequiredAssemblies") ?? Array.Empty<string>());
        named.AddRange(List("NestedModules") ?? Array.Empty<string>());
        named.AddRange(List("FileList") ?? Array.Empty<string>());
        Assert.Contains("EsmsZalo.Format.ps1xml", named);

        var missing = named.Where(f => !File.Exists(Path.Combine(ModuleDir, f))).ToList();
        Assert.True(missing.Count == 0, "The manifest names files that are not in " + ModuleDir + ": " + string.Join(", ", missing));
    }

    [Fact]
    public void The_module_carries_its_dependencies()
    {
        Assert.True(File.Exists(Path.Combine(ModuleDir, "EsmsZalo.Core.dll")), "EsmsZalo.Core.dll is not staged next to EsmsZalo.dll");
        Assert.True(File.Exists(Path.Combine(ModuleDir, "dependencies", "System.Text.Json.dll")), "dependencies/System.Text.Json.dll is missing (Windows PowerShell 5.1 needs it)");
        Assert.False(File.Exists(Path.Combine(ModuleDir, "System.Management.Automation.dll")), "System.Management.Automation.dll must not ship with the module");
        Assert.False(File.Exists(Path.Combine(ModuleDir, "dependencies", "System.Management.Automation.dll")), "System.Management.Automation.dll must not ship with the module");
    }

    [Fact]
    public void CmdletsToExport_is_exactly_the_Cmdlet_classes_of_the_dll()
    {
        var exported = List("CmdletsToExport");
        Assert.NotNull(exported);
        var inDll = CmdletNames(Path.Combine(ModuleDir, "EsmsZalo.dll"));

        Assert.NotEmpty(inDll);
        Assert.Equal(inDll.OrderBy(n => n, StringComparer.OrdinalIgnoreCase), exported!.OrderBy(n => n, StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        Assert.Contains("Send-EsmsZnsBulk", inDll);
    }

    [Fact]
    public void The_manifest_versions_match_the_assembly()
    {
        using var stream = File.OpenRead(Path.Combine(ModuleDir, "EsmsZalo.dll"));
        using var pe = new PEReader(stream);
        var version = pe.GetMetadataReader().GetAssemblyDefinition().Version;
        Assert.Equal($"{version.Major}.{version.Minor}.{version.Build}", Scalar("ModuleVersion"));
    }

    /// <summary>"Verb-Noun" of every public, non-abstract class carrying System.Management.Automation.CmdletAttribute.</summary>
    private static List<string> CmdletNames(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var names = new List<string>();
        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            foreach (var ah in type.GetCustomAttributes())
            {
                var attribute = md.GetCustomAttribute(ah);
                if (AttributeTypeName(md, attribute) != "System.Management.Automation.CmdletAttribute") continue;
                var value = attribute.DecodeValue(new StringOnlyProvider());
                Assert.Equal(2, value.FixedArguments.Length);
                string verb = (string)value.FixedArguments[0].Value!;
                string noun = (string)value.FixedArguments[1].Value!;
                var attrs = type.Attributes;
                Assert.True((attrs & System.Reflection.TypeAttributes.Public) != 0 || (attrs & System.Reflection.TypeAttributes.NestedPublic) != 0,
                    $"{md.GetString(type.Name)} has [Cmdlet] but is not public: PowerShell will not find it");
                Assert.True((attrs & System.Reflection.TypeAttributes.Abstract) == 0, $"{md.GetString(type.Name)} has [Cmdlet] but is abstract");
                names.Add(verb + "-" + noun);
            }
        }
        return names;
    }

    private static string AttributeTypeName(MetadataReader md, CustomAttribute attribute)
    {
        EntityHandle type = attribute.Constructor.Kind switch
        {
            HandleKind.MemberReference => md.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent,
            HandleKind.MethodDefinition => md.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType(),
            _ => default,
        };
        return type.Kind switch
        {
            HandleKind.TypeReference => md.GetString(md.GetTypeReference((TypeReferenceHandle)type).Namespace) + "." + md.GetString(md.GetTypeReference((TypeReferenceHandle)type).Name),
            HandleKind.TypeDefinition => md.GetString(md.GetTypeDefinition((TypeDefinitionHandle)type).Namespace) + "." + md.GetString(md.GetTypeDefinition((TypeDefinitionHandle)type).Name),
            _ => "",
        };
    }

    /// <summary>Enough of a type provider to decode CmdletAttribute(string verbName, string nounName) plus named arguments.</summary>
    private sealed class StringOnlyProvider : ICustomAttributeTypeProvider<Type>
    {
        public Type GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
        {
            PrimitiveTypeCode.String => typeof(string),
            PrimitiveTypeCode.Boolean => typeof(bool),
            PrimitiveTypeCode.Int32 => typeof(int),
            PrimitiveTypeCode.Int64 => typeof(long),
            PrimitiveTypeCode.Byte => typeof(byte),
            PrimitiveTypeCode.Int16 => typeof(short),
            _ => typeof(object),
        };
        public Type GetSystemType() => typeof(Type);
        public Type GetSZArrayType(Type elementType) => elementType.MakeArrayType();
        public Type GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => typeof(int);
        public Type GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => typeof(int); // enums (ConfirmImpact) are int32
        public Type GetTypeFromSerializedName(string name) => typeof(int);
        public PrimitiveTypeCode GetUnderlyingEnumType(Type type) => PrimitiveTypeCode.Int32;
        public bool IsSystemType(Type type) => type == typeof(Type);
    }
}
