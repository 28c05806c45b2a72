namespace Oompa.Core.IO.Star;

/// <summary>Splits a STAR line into words, honouring quotes and comments.</summary>
internal static class StarTokenizer
{
    /// <summary>
    /// The words of <paramref name="line"/>. A word is a run of non-blank characters, or text between matching single
    /// or double quotes where the closing quote is followed by white space or the end of the line (so <c>'it's'</c> is
    /// <c>it's</c>). A <c>#</c> at the start of a word begins a comment that runs to the end of the line.
    /// </summary>
    public static List<StarToken> Tokenize(string line, out string? comment, Func<string, Exception> error)
    {
        var tokens = new List<StarToken>();
        comment = null;
        int i = 0;
        while (true)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            if (i >= line.Length)
            {
                return tokens;
            }

            char c = line[i];
            if (c == '#')
            {
                comment = line[i..];
                return tokens;
            }

            if (c is '\'' or '"')
            {
                int close = ClosingQuote(line, i);
                if (close < 0)
                {
                    throw error($"the quoted text starting at column {i + 1} is not closed");
                }

                tokens.Add(new StarToken(line[(i + 1)..close], Quoted: true));
                i = close + 1;
                continue;
            }

            int start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            tokens.Add(new StarToken(line[start..i], Quoted: false));
        }
    }

    /// <summary>Index of the quote that closes the one at <paramref name="open"/>, or −1.</summary>
    private static int ClosingQuote(string line, int open)
    {
        char quote = line[open];
        for (int j = open + 1; j < line.Length; j++)
        {
            if (line[j] == quote && (j + 1 == line.Length || char.IsWhiteSpace(line[j + 1])))
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>Whether <paramref name="value"/> can be written between <paramref name="quote"/>s and read back.</summary>
    public static bool CanQuoteWith(string value, char quote)
    {
        for (int j = 0; j < value.Length - 1; j++)
        {
            if (value[j] == quote && char.IsWhiteSpace(value[j + 1]))
            {
                return false;
            }
        }

        return true;
    }
}
