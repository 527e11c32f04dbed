using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Vigie.Server.Tests.Infrastructure;

/// <summary>
/// Drives server-rendered pages the way a browser without scripts does: keeps cookies, does not
/// follow redirects (tests look at them), and posts a page's form with its antiforgery token.
/// </summary>
public sealed partial class PageClient(VigieFactory factory, bool https = false) : IDisposable
{
    public HttpClient Http { get; } = factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri(https ? "https://localhost" : "http://localhost"),
    });

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    /// <summary>Loads <paramref name="pageUrl"/>, then posts the named form on it (to the page's own address, as the form does).</summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string pageUrl, string? formName, IEnumerable<KeyValuePair<string, string>> fields, string? postUrl = null)
    {
        var page = await Http.GetStringAsync(pageUrl);
        var form = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", AntiforgeryToken(page)) };
        if (formName is not null)
        {
            form.Add(new("_handler", formName));
        }

        return await Http.PostAsync(postUrl ?? pageUrl, new FormUrlEncodedContent(form));
    }

    /// <summary>Signs in through /app/sign-in with an API token, as a person pasting it would.</summary>
    public Task<HttpResponseMessage> SignInAsync(string token, string? returnUrl = null) =>
        SubmitFormAsync(
            returnUrl is null ? "/app/sign-in" : "/app/sign-in?returnUrl=" + Uri.EscapeDataString(returnUrl),
            "sign-in",
            [new("Token", token)]);

    /// <summary>Signs in and checks it worked, for tests about what comes after.</summary>
    public async Task SignInOkAsync(string token)
    {
        var response = await SignInAsync(token);
        if (response.StatusCode != HttpStatusCode.Found)
        {
            throw new InvalidOperationException($"Sign-in answered {(int)response.StatusCode}, not a redirect.");
        }
    }

    public static string AntiforgeryToken(string html)
    {
        var match = AntiforgeryField().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("The page has no antiforgery token.");
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
