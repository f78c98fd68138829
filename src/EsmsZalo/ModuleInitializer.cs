using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace EsmsZalo
{
    /// <summary>
    /// Answers for the package assemblies shipped in dependencies/ (System.Text.Json and its shims)
    /// and for nothing else. pwsh 7.4+ has its own System.Text.Json and never asks; Windows
    /// PowerShell 5.1 asks, and gets ours. Keeping them out of the module root means no other
    /// module's resolution can pick them up by accident.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string DependencyFolder =
            Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".", "dependencies");

        public void OnImport() => AppDomain.CurrentDomain.AssemblyResolve += Resolve;

        public void OnRemove(PSModuleInfo module) => AppDomain.CurrentDomain.AssemblyResolve -= Resolve;

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name);
            if (name.Name == null) return null;
            string candidate = Path.Combine(DependencyFolder, name.Name + ".dll");
            if (!File.Exists(candidate)) return null;
            var onDisk = AssemblyName.GetAssemblyName(candidate);
            // Never hand out an older version than the one asked for.
            if (name.Version != null && onDisk.Version != null && onDisk.Version < name.Version) return null;
            return Assembly.LoadFrom(candidate);
        }
    }
}
