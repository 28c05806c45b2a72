using System.Globalization;

namespace Oompa.Core.IO.Star;

/// <summary>Line-oriented parser for RELION-style STAR files (one loop row per line).</summary>
internal sealed class StarParser
{
    private readonly string source;
    private readonly StarFile file;
    private StarBlock? block;
    private State state;
    private int lineNumber;

    private StarParser(string source)
    {
        this.source = source;
        file = new StarFile(source) { Version = null };
    }

    private enum State
    {
        None,
        LoopHeader,
        LoopData,
        List,
    }

    public static StarFile Parse(TextReader reader, string source)
    {
        var parser = new StarParser(source);
        while (reader.ReadLine() is { } line)
        {
            parser.lineNumber++;
            parser.ParseLine(line);
        }

        parser.FinishBlock();
        return parser.file;
    }

    private void ParseLine(string line)
    {
        if (line.StartsWith(';'))
        {
            throw Error("semicolon-delimited text fields are not supported");
        }

        var tokens = StarTokenizer.Tokenize(line, out string? comment, Error);
        if (tokens.Count == 0)
        {
            ReadVersion(comment);
            return;
        }

        var first = tokens[0];
        if (!first.Quoted && first.Text.StartsWith("data_", StringComparison.Ordinal))
        {
            ExpectAlone(tokens, "data_ block name");
            FinishBlock();
            block = file.Add(StarBlock.CreateList(first.Text));
            block.Source = source;
            state = State.None;
        }
        else if (!first.Quoted && first.Text == "loop_")
        {
            ExpectAlone(tokens, "loop_");
            var current = RequireBlock(first.Text);
            if (state != State.None || current.Columns.Count > 0)
            {
                throw Error($"block 'data_{current.Name}' already has {(current.IsLoop ? "a loop" : "key-value pairs")}; a RELION-style block holds one loop or one list of pairs");
            }

            block = file.Replace(current, StarBlock.CreateLoop(current.Name));
            block.Source = source;
            state = State.LoopHeader;
        }
        else if (!first.Quoted && first.Text.StartsWith('_'))
        {
            AddLabel(tokens);
        }
        else if (!first.Quoted && (first.Text is "stop_" or "global_" || first.Text.StartsWith("save_", StringComparison.Ordinal)))
        {
            throw Error($"'{first.Text}' (STAR global, save or stop frames) is not supported");
        }
        else if (state is State.LoopHeader or State.LoopData)
        {
            var current = block!;
            if (tokens.Count != current.Columns.Count)
            {
                throw Error($"the row has {tokens.Count} values but the loop of block 'data_{current.Name}' has {current.Columns.Count} columns");
            }

            current.AddParsedRow(tokens.Select(t => t.Text).ToArray(), lineNumber);
            state = State.LoopData;
        }
        else
        {
            throw Error(block is null
                ? $"'{first.Text}' appears before any data_ block"
                : $"the value '{first.Text}' is outside a loop and follows no key");
        }
    }

    private void AddLabel(List<StarToken> tokens)
    {
        string label = tokens[0].Text;
        var current = RequireBlock(label);
        switch (state)
        {
            case State.LoopHeader:
                ExpectAlone(tokens, $"column {label}");
                if (current.HasColumn(label))
                {
                    throw Error($"the loop of block 'data_{current.Name}' already has a column {label}");
                }

                current.AddColumn(label);
                break;
            case State.LoopData:
                throw Error($"the key {label} follows the rows of the loop in block 'data_{current.Name}'; a RELION-style block holds one loop or one list of pairs");
            default:
                if (tokens.Count != 2)
                {
                    throw Error($"the key {label} needs exactly one value; found {tokens.Count - 1}");
                }

                if (current.HasColumn(label))
                {
                    throw Error($"block 'data_{current.Name}' already has the key {label}");
                }

                current.SetParsed(label, tokens[1].Text, lineNumber);
                state = State.List;
                break;
        }
    }

    private void FinishBlock()
    {
        if (state == State.LoopHeader && block!.Columns.Count == 0)
        {
            throw Error($"the loop of block 'data_{block.Name}' has no columns");
        }
    }

    private void ReadVersion(string? comment)
    {
        // RELION 3.1 writes "# version 30001" before every block.
        if (comment is null || file.Version is not null)
        {
            return;
        }

        var words = comment.TrimStart('#').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 2 && words[0] == "version" && int.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out int version))
        {
            file.Version = version;
        }
    }

    private StarBlock RequireBlock(string what) => block ?? throw Error($"'{what}' appears before any data_ block");

    private void ExpectAlone(List<StarToken> tokens, string what)
    {
        if (tokens.Count > 1)
        {
            throw Error($"unexpected '{tokens[1].Text}' after {what}");
        }
    }

    private InvalidDataException Error(string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"STAR file '{source}', line {lineNumber}: {problem}."));
}
