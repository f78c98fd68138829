using System.Collections.Generic;
using System.Management.Automation;
using EsmsZalo.Binding;
using EsmsZalo.Core.Errors;
using EsmsZalo.Core.Sending;

namespace EsmsZalo.Commands
{
    /// <summary>-Params / -ParamProperty for the cmdlets whose templates take an ordered value list.</summary>
    internal static class ParamsBinding
    {
        internal static void Fill(MessageRow row, object[]? values, string[]? properties, object? input)
        {
            if (properties != null && properties.Length > 0)
            {
                var list = new object?[properties.Length];
                for (int i = 0; i < properties.Length; i++)
                {
                    if (!InputValues.TryRead(input, properties[i], out var value))
                    {
                        row.PresetErrorId = ErrorIds.TemplateParamMissing;
                        row.PresetError = $"the input has no property '{properties[i]}' named in -ParamProperty. Check the CSV header (names must match) or the -ParamProperty list.";
                        break;
                    }
                    list[i] = value;
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
