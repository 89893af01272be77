// Entry point; the commands are wired in Commands/. (Replaced by the full CLI in this same change.)
return Parallax.Cli.EntryPoint.Run(args);

namespace Parallax.Cli
{
    internal static class EntryPoint
    {
        public static int Run(string[] args)
        {
            Console.Error.WriteLine("parallax: commands are being wired; see README.md");
            return 2;
        }
    }
}
