extension HTMLReport {
    /// The only style sheet: inline, system fonts, dark text on white (contrast above 7:1), and a print layout in
    /// which each major section starts a page, table headers repeat and rows, steps and signature blocks are not
    /// split. Colour only repeats what the text says, so a black-and-white print reads the same.
    static let styleSheet: StaticString = """
        *, *::before, *::after { box-sizing: border-box; }
        :root { color: #111; background: #fff; }
        body { font-family: "Liberation Sans", "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 11pt;
          line-height: 1.45; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; }
        h1 { font-size: 1.6em; margin: 0 0 0.2em; }
        h2 { font-size: 1.3em; border-bottom: 2px solid #111; padding-bottom: 0.15em; margin-top: 2em; }
        h3 { font-size: 1.1em; margin: 1.4em 0 0.4em; }
        .subtitle { font-size: 1.1em; margin: 0 0 0.6em; }
        .notice { font-style: italic; }
        .result { border: 3px solid #111; padding: 0.4em 1em; margin: 1em 0; }
        .result.unmasked { border-style: double; border-width: 6px; background: #fff4d6; }
        .result.masked { background: #eef4fb; }
        .result-title { font-size: 1.35em; font-weight: bold; margin: 0.3em 0; }
        table { border-collapse: collapse; width: 100%; margin: 0.8em 0; font-size: 0.95em; }
        caption { text-align: left; font-weight: bold; padding: 0.3em 0; }
        th, td { border: 1px solid #555; padding: 0.25em 0.45em; text-align: left; vertical-align: top; }
        thead th { background: #e8e8e8; }
        tfoot th, tfoot td { font-weight: bold; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.digest, td.path { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 0.85em;
          overflow-wrap: anywhere; }
        td.interval, td.nowrap { white-space: nowrap; font-variant-numeric: tabular-nums; }
        .label { font-weight: bold; margin-bottom: 0.2em; }
        .step { border-left: 4px solid #555; padding-left: 0.8em; margin: 1.2em 0; }
        .step-result { margin-top: 0.5em; }
        .hint { color: #333; font-size: 0.95em; }
        .field { margin: 0.9em 0; }
        .field.short { display: inline-block; margin: 0.7em 2em 0.3em 0; }
        .field-label { font-weight: bold; margin-right: 0.5em; }
        .blank { display: inline-block; min-width: 16em; border-bottom: 1px solid #111; height: 1.1em;
          vertical-align: bottom; }
        .blank.date { min-width: 8em; }
        .blank.wide { min-width: 30em; }
        .signature { border: 1px solid #555; padding: 0.2em 1em 0.6em; margin: 1em 0; }
        .attestation { font-style: italic; }
        ol.footnotes li { margin: 0.4em 0; }
        footer { margin-top: 2em; border-top: 1px solid #555; font-size: 0.85em; overflow-wrap: anywhere; }
        @media print {
          body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
          section.new-page { break-before: page; }
          h2, h3, .label { break-after: avoid; }
          tr, .signature, .result, .field, .step-result { break-inside: avoid; }
          thead { display: table-header-group; }
          tfoot { display: table-footer-group; }
          .result.unmasked, .result.masked, thead th { background: none; }
        }
        @page { margin: 16mm 14mm; }

        """
}
