using System.Net;
using System.Net.Http.Json;
using System.Text;
using Dapper;
using Vigie.Server.Storage;
using Vigie.Server.Tests.Infrastructure;
using Xunit;

namespace Vigie.Server.Tests.Users;

public abstract class UsersApiTests : ServerTest
{
    [Fact]
    public async Task FirstStart_WritesAdminTokenFile_ReadableByOwnerOnly()
    {
        var path = Path.Combine(Store.DataDirectory, "initial-admin-token");
        Assert.True(File.Exists(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        var me = await Factory.Admin().GetFromJsonAsync<Me>("/api/v1/me");
        Assert.Equal("admin", me!.Name);
        Assert.Equal(["admin"], me.Roles);
    }

    [Fact]
    public async Task CreateUser_PrintsTokenOnce_ThatAuthenticatesWithItsRoles()
    {
        var token = await CreateUserAsync(Factory.Admin(), "sam", "safety-officer", "member");
        var me = await Factory.CreateClient(token).GetFromJsonAsync<Me>("/api/v1/me");
        Assert.Equal("sam", me!.Name);
        Assert.Equal(["safety-officer", "member"], me.Roles);

        // the user entry names its actor
        var entry = await ReadJsonAsync(await Factory.Admin().GetAsync("/api/v1/log/entries/2"));
        Assert.Equal("user.created/v1", entry.GetProperty("envelope").GetProperty("kind").GetString());
        Assert.Equal("admin", entry.GetProperty("envelope").GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Tokens_AreStoredHashed_NeverInClear()
    {
        var token = await CreateUserAsync(Factory.Admin(), "tia", "member");
        var database = Factory.Service<Database>();
        await using var c = await database.OpenAsync();
        var found = 0;
        foreach (var table in new[] { "log_entries", "log_sealed_bodies", "users", "api_tokens", "evidence", "log_checkpoints" })
        {
            var rows = await c.QueryAsync(Invariant($"SELECT * FROM {table}"));
            foreach (IDictionary<string, object?> row in rows)
            {
                foreach (var value in row.Values)
                {
                    var text = value switch
                    {
                        byte[] b => Encoding.UTF8.GetString(b),
                        null => "",
                        _ => value.ToString()!,
                    };
                    if (text.Contains(token, StringComparison.Ordinal) || text.Contains(Factory.AdminToken, StringComparison.Ordinal))
                    {
                        found++;
                    }
                }
            }
        }

        Assert.Equal(0, found);
    }

    [Fact]
    public async Task DuplicateUser_IsConflict_AndWritesNothing()
    {
        var admin = Factory.Admin();
        await CreateUserAsync(admin, "ada", "member");
        var size = TreeSize;
        var response = await admin.PostAsJsonAsync("/api/v1/users", new { name = "ada", roles = new[] { "board" } });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("already exists", (await ReadJsonAsync(response)).GetProperty("detail").GetString());
        Assert.Equal(size, TreeSize);
    }

    [Fact]
    public async Task NonAdmin_CannotCreateUsers()
    {
        var token = await CreateUserAsync(Factory.Admin(), "bob", "member");
        var response = await Factory.CreateClient(token).PostAsJsonAsync("/api/v1/users", new { name = "eve", roles = new[] { "admin" } });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("Bearer vigie_notatoken")]
    [InlineData("Bearer vigie_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("Basic YWRtaW46YWRtaW4=")]
    [InlineData("Bearer ")]
    public async Task BadToken_IsUnauthorized_EvenOnPublicEndpoints(string header)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);
        var response = await client.GetAsync("/api/v1/log/checkpoint");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task RevokedToken_StopsWorking()
    {
        var admin = Factory.Admin();
        var created = await ReadJsonAsync(await admin.PostAsJsonAsync("/api/v1/users", new { name = "rex", roles = new[] { "member" } }));
        var token = created.GetProperty("token").GetString()!;
        var tokenId = created.GetProperty("tokenId").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await Factory.CreateClient(token).GetAsync("/api/v1/me")).StatusCode);

        var revoke = await admin.DeleteAsync($"/api/v1/users/rex/tokens/{tokenId}");
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.CreateClient(token).GetAsync("/api/v1/me")).StatusCode);
    }

    [Theory]
    [InlineData("""{"name":"x","roles":["wizard"]}""", "'wizard' is not a role")]
    [InlineData("""{"name":"Bad Name","roles":["member"]}""", "not a valid user name")]
    [InlineData("""{"name":"system","roles":["member"]}""", "reserved")]
    [InlineData("""{"name":"x","roles":[]}""", "at least one role")]
    [InlineData("""{"name":"x","roles":["member"],"extra":1}""", "Unknown field 'extra'")]
    [InlineData("""{"roles":["member"]}""", "name")]
    [InlineData("""{"name":"x","roles":"member"}""", "roles")]
    [InlineData("""not json""", "not valid JSON")]
    [InlineData("""[]""", "not valid JSON")]
    public async Task BadUserRequest_IsBadRequestNamingTheProblem_AndWritesNothing(string body, string expected)
    {
        var admin = Factory.Admin();
        var size = TreeSize;
        var response = await admin.PostAsync("/api/v1/users", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadJsonAsync(response);
        var text = problem.GetProperty("title").GetString() + " " + problem.GetProperty("detail").GetString();
        Assert.Contains(expected, text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(size, TreeSize);
    }

    private static string Invariant(FormattableString s) => FormattableString.Invariant(s);

    private sealed record Me(string Name, string[] Roles);
}

public sealed class UsersApiTestsOnSqlite : UsersApiTests
{
    protected override bool UsePostgres => false;
}

public sealed class UsersApiTestsOnPostgres : UsersApiTests
{
    protected override bool UsePostgres => true;
}
