namespace Vigie.Core.Formats.ModelCards;

/// <summary>
/// Hugging Face licence identifiers (huggingface.co/docs/hub/repositories-licenses) that name
/// exactly one SPDX licence. Others (openrail, llama3, gpl-3.0 which does not say "only" or "or
/// later", other ...) have no SPDX id: exports name them instead (CycloneDX license.name, SPDX
/// LicenseRef-). The interop suite checks every id here against the SPDX list CycloneDX ships.
/// </summary>
public static class LicenseIds
{
    public static IReadOnlyDictionary<string, string> HuggingFaceToSpdx { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["apache-2.0"] = "Apache-2.0", ["mit"] = "MIT", ["afl-3.0"] = "AFL-3.0", ["artistic-2.0"] = "Artistic-2.0",
        ["bsl-1.0"] = "BSL-1.0", ["bsd-2-clause"] = "BSD-2-Clause", ["bsd-3-clause"] = "BSD-3-Clause",
        ["bsd-3-clause-clear"] = "BSD-3-Clause-Clear", ["c-uda"] = "C-UDA-1.0", ["cc0-1.0"] = "CC0-1.0",
        ["cc-by-2.0"] = "CC-BY-2.0", ["cc-by-2.5"] = "CC-BY-2.5", ["cc-by-3.0"] = "CC-BY-3.0", ["cc-by-4.0"] = "CC-BY-4.0",
        ["cc-by-sa-3.0"] = "CC-BY-SA-3.0", ["cc-by-sa-4.0"] = "CC-BY-SA-4.0", ["cc-by-nc-2.0"] = "CC-BY-NC-2.0",
        ["cc-by-nc-3.0"] = "CC-BY-NC-3.0", ["cc-by-nc-4.0"] = "CC-BY-NC-4.0", ["cc-by-nd-4.0"] = "CC-BY-ND-4.0",
        ["cc-by-nc-nd-3.0"] = "CC-BY-NC-ND-3.0", ["cc-by-nc-nd-4.0"] = "CC-BY-NC-ND-4.0", ["cc-by-nc-sa-2.0"] = "CC-BY-NC-SA-2.0",
        ["cc-by-nc-sa-3.0"] = "CC-BY-NC-SA-3.0", ["cc-by-nc-sa-4.0"] = "CC-BY-NC-SA-4.0", ["cdla-sharing-1.0"] = "CDLA-Sharing-1.0",
        ["cdla-permissive-1.0"] = "CDLA-Permissive-1.0", ["cdla-permissive-2.0"] = "CDLA-Permissive-2.0", ["wtfpl"] = "WTFPL",
        ["ecl-2.0"] = "ECL-2.0", ["epl-1.0"] = "EPL-1.0", ["epl-2.0"] = "EPL-2.0", ["etalab-2.0"] = "etalab-2.0",
        ["eupl-1.1"] = "EUPL-1.1", ["eupl-1.2"] = "EUPL-1.2", ["isc"] = "ISC", ["lppl-1.3c"] = "LPPL-1.3c", ["ms-pl"] = "MS-PL",
        ["mpl-2.0"] = "MPL-2.0", ["odc-by"] = "ODC-By-1.0", ["odbl"] = "ODbL-1.0", ["osl-3.0"] = "OSL-3.0",
        ["postgresql"] = "PostgreSQL", ["ofl-1.1"] = "OFL-1.1", ["ncsa"] = "NCSA", ["unlicense"] = "Unlicense",
        ["zlib"] = "Zlib", ["pddl"] = "PDDL-1.0",
    };

    public static string? SpdxId(string huggingFaceId) => HuggingFaceToSpdx.GetValueOrDefault(huggingFaceId.Trim());

    /// <summary>An SPDX licence expression for the licence: its SPDX id, or a LicenseRef- (SPDX 3.0 Annex B idstring).</summary>
    public static string SpdxExpression(string huggingFaceId) =>
        SpdxId(huggingFaceId) ?? "LicenseRef-" + new string([.. huggingFaceId.Trim().Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-')]);
}
