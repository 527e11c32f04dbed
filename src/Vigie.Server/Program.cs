using Vigie.Server.Hosting;
using Vigie.Server.Ledger;
using Vigie.Server.Storage;

if (args.Length > 0 && args[0] == "rebuild-projections")
{
    var rebuildApp = VigieApp.Build(args[1..]);
    var database = rebuildApp.Services.GetRequiredService<Database>();
    await Migrator.MigrateAsync(database, rebuildApp.Services.GetRequiredService<TimeProvider>());
    var replayed = await rebuildApp.Services.GetRequiredService<ProjectionRebuilder>().RebuildAsync(CancellationToken.None);
    Console.WriteLine($"Rebuilt the projections from the log: {replayed} entries replayed ({database.Description}).");
    await database.DisposeAsync();
    return 0;
}

if (args.Length > 0 && (args[0] == "--help" || args[0] == "-h"))
{
    Console.WriteLine("""
        vigie-server — the Vigie governance server

        Usage:
          vigie-server [--urls URL] [--data-dir DIR] [--postgres CONNECTION-STRING] [--origin ORIGIN]
          vigie-server rebuild-projections [--data-dir DIR] [--postgres CONNECTION-STRING]

        Settings may also come from the environment: Vigie__DataDirectory, Vigie__Storage__Postgres,
        Vigie__Log__Origin, Vigie__Log__SignerKeyFile, ASPNETCORE_URLS.
        Default: http://127.0.0.1:5080 with SQLite in ./vigie-data.
        """);
    return 0;
}

var app = VigieApp.Build(args);
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
