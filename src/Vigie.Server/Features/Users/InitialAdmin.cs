namespace Vigie.Server.Features.Users;

/// <summary>
/// On the very first start (no users yet) creates the admin account and hands its token over
/// once: printed to the console and written to &lt;data&gt;/initial-admin-token (mode 0600).
/// It is deliberately not sent to the logger, whose output may be collected elsewhere.
/// </summary>
public static class InitialAdmin
{
    public const string FileName = "initial-admin-token";

    public static async Task EnsureAsync(UserQueries users, UserAccounts accounts, string dataDirectory, TextWriter console, CancellationToken cancellationToken)
    {
        if (await users.CountAsync(cancellationToken) > 0)
        {
            return;
        }

        var (created, _) = await accounts.CreateAsync(UserNames.System, "admin", [Roles.Admin], "initial admin token", cancellationToken);
        if (created is null)
        {
            return; // another process sharing the store created it first: conflict "already exists"
        }

        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        Ledger.LogKeys.WriteSecret(path, created.Token + "\n");
        console.WriteLine();
        console.WriteLine("Vigie created the admin account. Its API token is shown this once:");
        console.WriteLine();
        console.WriteLine($"    {created.Token}");
        console.WriteLine();
        console.WriteLine($"It is also in {Path.GetFullPath(path)} (readable by you only). Use it with:");
        console.WriteLine("    export VIGIE_TOKEN=$(cat " + Path.GetFullPath(path) + ")");
        console.WriteLine();
    }
}
