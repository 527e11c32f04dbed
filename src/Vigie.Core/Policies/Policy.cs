using System.Security.Cryptography;
using System.Text;

namespace Vigie.Core.Policies;

/// <summary>
/// A policy that loaded: every rule compiled, checked against the dossier schema and dry-run on
/// the sample dossiers. The only way to get one is <see cref="PolicyReader.Read"/>, so holding a
/// <see cref="Policy"/> means it is usable. Immutable and safe to share between threads; the
/// compiled rules are cached here for every evaluation.
/// </summary>
public sealed class Policy
{
    private readonly Dictionary<string, CompiledRule> _byId;

    internal Policy(string name, int version, string title, string? description, string text, IReadOnlyList<CompiledRule> rules)
    {
        Name = name;
        Version = version;
        Title = title;
        Description = description;
        Text = text;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        Compiled = rules;
        Rules = [.. rules.Select(r => r.Rule)];
        _byId = rules.ToDictionary(r => r.Rule.Id, StringComparer.Ordinal);
    }

    /// <summary>The policy's name (<c>policy.name</c>), e.g. <c>regulatory-baseline</c>.</summary>
    public string Name { get; }

    /// <summary>The policy's version number (<c>policy.version</c>); a change must raise it.</summary>
    public int Version { get; }

    public string Title { get; }

    public string? Description { get; }

    /// <summary>The YAML text exactly as loaded: what the ledger records and the diff compares.</summary>
    public string Text { get; }

    /// <summary>SHA-256 of <see cref="Text"/> as UTF-8, 64 lower-case hex digits.</summary>
    public string Sha256 { get; }

    /// <summary><c>name@version</c>: the <c>policyVersion</c> of every gate result.</summary>
    public string PolicyVersion => $"{Name}@{Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public IReadOnlyList<PolicyRule> Rules { get; }

    internal IReadOnlyList<CompiledRule> Compiled { get; }

    public PolicyRule? Find(string ruleId) => _byId.TryGetValue(ruleId, out var rule) ? rule.Rule : null;
}
