namespace Vigie.Server.Storage;

/// <summary>Files that hold secrets (the log signer key, the first admin token): owner-only, never half-written.</summary>
public static class SecretFiles
{
    /// <summary>
    /// Publishes a secret file (mode 0600) atomically: written and synced under a temporary name,
    /// then renamed into place without replacing an existing file, so a crash never leaves a
    /// half-written secret. Returns false when the file already existed (the existing one stays).
    /// </summary>
    public static bool TryPublish(string path, string content)
    {
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        Write(temp, content);
        try
        {
            File.Move(temp, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
            return false;
        }
    }

    /// <summary>Writes a secret file readable by its owner only (0600), refusing to overwrite one.</summary>
    public static void Write(string path, string content)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(content);
        writer.Flush();
        stream.Flush(flushToDisk: true);
    }
}
