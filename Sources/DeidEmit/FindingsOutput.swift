/// Where `deid check` writes its findings: standard output as they are rendered, or a file named with `-o`,
/// written through an `OutputPlan` (atomically, never over an input).
public enum FindingsOutput {
    /// The plan for `-o PATH`, checked against the tables and the description given on the command line before
    /// anything is read; `write` checks it again with every description and policy the tables used.
    public static func plan(path: String, inputs: [PlannedInput]) throws(EmitError) -> OutputPlan {
        try OutputPlan(outputs: [PlannedOutput(path: path, option: "--output")], inputs: inputs)
    }

    /// Renders `reports` to `path` (nil: standard output). Throws when the file cannot be written or standard
    /// output is closed or full.
    public static func write(
        _ reports: [CheckReport], as format: FindingFormat, to path: String?, inputs: [PlannedInput]
    ) throws(EmitError) {
        guard let path else {
            var sink = TextSink(fileDescriptor: 1)
            FindingRenderer.write(reports, as: format) { sink.write($0) }
            try sink.flush(destination: "standard output")
            return
        }
        let plan = try plan(path: path, inputs: inputs + reports.flatMap(\.inputs))
        let staged = try plan.stage()
        var sink = TextSink(fileDescriptor: staged.files[0].fileDescriptor)
        FindingRenderer.write(reports, as: format) { sink.write($0) }
        try sink.flush(destination: path)
        try staged.commit()
    }
}
