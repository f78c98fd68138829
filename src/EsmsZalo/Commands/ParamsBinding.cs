using System.Collections.Generic;
using EsmsZalo.Binding;
using EsmsZalo.Core.Errors;
using EsmsZalo.Core.Sending;

namespace EsmsZalo.Commands
{
    /// <summary>-Params / -ParamProperty for the cmdlets whose templates take an ordered value list.</summary>
    internal static class ParamsBinding
    {
        /// <summary>
        /// Fills <see cref="MessageRow.Params"/> from -ParamProperty (read off the row by
        /// <paramref name="columns"/>, whose indexes are <paramref name="slots"/>) or else from -Params.
        /// </summary>
        internal static void Fill(MessageRow row, object[]? values, string[]? properties, RowColumns columns, int[]? slots)
        {
            if (properties != null && properties.Length > 0 && slots != null)
            {
                var list = new object?[properties.Length];
                int missing = columns.ReadProperties(slots, list);
                if (missing >= 0)
                {
                    row.PresetErrorId = ErrorIds.TemplateParamMissing;
                    row.PresetError = $"the input has no property '{properties[missing]}' named in -ParamProperty. Check the CSV header (names must match) or the -ParamProperty list.";
                }
                row.Params = list;
                row.ParamNames = properties;
            }
            else
            {
                row.Params = InputValues.UnwrapAll(values);
            }
        }
    }
}
