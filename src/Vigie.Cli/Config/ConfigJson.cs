using System.Text.Json.Serialization;

namespace Vigie.Cli.Config;

/// <summary>
/// The config file's JSON contract, generated at compile time: every command reads or writes the
/// config, and a reflection-based serializer costs a short-lived process tens of milliseconds of
/// start-up (measured on 'vigie verify').
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(CliConfig))]
internal sealed partial class ConfigJson : JsonSerializerContext;
