using System.Collections.Generic;
using System.IO;
using Xunit;

namespace Refheap.Conformance;

public sealed class ManifestTests
{
    [Fact]
    public void Rewrite_keeps_written_reasons_refreshes_automatic_ones_and_drops_passing_cases()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path,
                "# comment\n" +
                "a.py   needs the interpreter\n" +
                "b.py\tdiffers: stdout differs at line 1 (1 lines, expected 2)\n" +
                "c.py  passes now\n" +
                "d.py  not run this time\n");
            Manifest manifest = Manifest.Load(path);
            var ran = new Dictionary<string, CaseOutcome>
            {
                ["a.py"] = new(false, "", "differs: stdout differs at line 3"),
                ["b.py"] = new(false, "", "throws NotImplementedException: x"),
                ["c.py"] = new(true, "", ""),
                ["e.py"] = new(false, "", "timed out after 60 s"),
            };
            string text = manifest.Rewrite(ran);
            Assert.Contains("a.py  needs the interpreter\n", text, System.StringComparison.Ordinal);
            Assert.Contains("b.py  throws NotImplementedException: x\n", text, System.StringComparison.Ordinal);
            Assert.DoesNotContain("c.py", text, System.StringComparison.Ordinal);
            Assert.Contains("d.py  not run this time\n", text, System.StringComparison.Ordinal);
            Assert.Contains("e.py  timed out after 60 s\n", text, System.StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
