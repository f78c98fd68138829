using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace EsmsZalo.Binding
{
    /// <summary>
    /// Small helpers for values taken off pipeline rows: hashtable keys by name, and PSObject
    /// wrappers taken off so Core sees plain strings, numbers and dates. Rows themselves are read
    /// by <see cref="RowColumns"/>.
    /// </summary>
    internal static class InputValues
    {
        /// <summary>Reads key <paramref name="name"/> of a hashtable, exactly or ignoring case.</summary>
        internal static bool TryRead(IDictionary d, string name, out object? value)
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
