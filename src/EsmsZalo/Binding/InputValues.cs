using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace EsmsZalo.Binding
{
    /// <summary>
    /// Reads named values off pipeline objects (Import-Csv rows, custom objects, hashtables) for
    /// -ParamProperty and -TemplateDataProperty. A missing name is reported, never guessed.
    /// </summary>
    internal static class InputValues
    {
        /// <summary>Reads <paramref name="name"/>; false when the object has no such property.</summary>
        internal static bool TryRead(object? input, string name, out object? value)
        {
            value = null;
            switch (input)
            {
                case null:
                    return false;
                case PSObject pso when pso.BaseObject is IDictionary d0 && !(pso.BaseObject is PSCustomObject):
                    return TryDictionary(d0, name, out value);
                case IDictionary d:
                    return TryDictionary(d, name, out value);
            }
            var ps = input as PSObject ?? PSObject.AsPSObject(input);
            var prop = ps.Properties[name];
            if (prop == null) return false;
            value = Unwrap(prop.Value);
            return true;
        }

        private static bool TryDictionary(IDictionary d, string name, out object? value)
        {
            value = null;
            if (d.Contains(name)) { value = Unwrap(d[name]); return true; }
            foreach (DictionaryEntry e in d)
            {
                if (e.Key is string k && string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = Unwrap(e.Value);
                    return true;
                }
            }
            return false;
        }

        /// <summary>PSObject wrappers around plain values are taken off so Core sees strings, numbers and dates.</summary>
        internal static object? Unwrap(object? value)
        {
            if (value is PSObject pso && !(pso.BaseObject is PSCustomObject)) return pso.BaseObject;
            return value;
        }

        internal static IReadOnlyList<object?> UnwrapAll(object[]? values)
        {
            if (values == null) return Array.Empty<object?>();
            var list = new object?[values.Length];
            for (int i = 0; i < values.Length; i++) list[i] = Unwrap(values[i]);
            return list;
        }
    }
}
