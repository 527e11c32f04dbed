using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Vigie.Server.Tests.Cards;

/// <summary>Calls the card API the way clients do, for the card suites.</summary>
internal static class CardApi
{
    public const string Readme = """
        ---
        license: apache-2.0
        language: [en, fr]
        pipeline_tag: text-generation
        co2_eq_emissions: 1710
        widget:
        - text: "Bonjour"
        model-index:
        - name: atlas-1
          results: []
        ---
        # Atlas 1

        An assistant.

        ## Limitations

        It makes mistakes.
        """;

    public static string CardPath(string system, string version) => $"/api/v1/systems/{system}/versions/{version}/card";

    /// <summary>Registers a system and a version (public unless said otherwise).</summary>
    public static async Task RegisterAsync(HttpClient admin, string system, string version, string visibility = "public")
    {
        var systems = await admin.PostAsJsonAsync("/api/v1/systems", new { name = system, owner = "Research", purpose = "Assistant", visibility });
        Assert.True(systems.IsSuccessStatusCode || systems.StatusCode == System.Net.HttpStatusCode.Conflict, await systems.Content.ReadAsStringAsync());
        var versions = await admin.PostAsJsonAsync($"/api/v1/systems/{system}/versions", new { version, visibility });
        Assert.True(versions.IsSuccessStatusCode, await versions.Content.ReadAsStringAsync());
    }

    public static Task<HttpResponseMessage> PutAsync(HttpClient client, string system, string version, string cardJson, long? baseRevision,
        bool? material = null, string? note = null, string? ifMatch = null)
    {
        var body = new StringBuilder("{\"card\":").Append(cardJson);
        if (baseRevision is not null)
        {
            body.Append(",\"baseRevision\":").Append(baseRevision);
        }

        if (material is not null)
        {
            body.Append(",\"material\":").Append(material.Value ? "true" : "false");
        }

        if (note is not null)
        {
            body.Append(",\"note\":").Append(JsonSerializer.Serialize(note));
        }

        var request = new HttpRequestMessage(HttpMethod.Put, CardPath(system, version))
        {
            Content = new StringContent(body.Append('}').ToString(), Encoding.UTF8, "application/json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> ImportAsync(HttpClient client, string system, string version, string readme, string query, string mediaType = "text/markdown")
    {
        var content = new StringContent(readme, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        return client.PostAsync($"{CardPath(system, version)}/import?{query}", content);
    }
}
