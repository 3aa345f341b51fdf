import DeidDescription
import DeidEmit
import DeidInventory
import DeidRead

/// `deid inventory`: the rules (the preset, then the user's `--rules`), one pass over the record-level file, and
/// the inventory printed or written atomically to `--output`.
public enum InventoryRun {
    public struct Request: Sendable {
        public var source: InputSource
        public var displayName: String
        public var rules: String?
        public var format: InventoryFormat
        public var output: String?
        public var presetsDirectory: String?

        public init(
            source: InputSource, displayName: String, rules: String?, format: InventoryFormat, output: String?,
            presetsDirectory: String? = nil
        ) {
            self.source = source
            self.displayName = displayName
            self.rules = rules
            self.format = format
            self.output = output
            self.presetsDirectory = presetsDirectory
        }
    }

    public static func run(_ request: Request) throws -> Inventory {
        let presets = try request.presetsDirectory ?? PresetLocator().locate()
        let rules = try InventoryRules.load(presetsDirectory: presets, userRules: request.rules)
        // Checked before the file is read: a mistyped -o must not cost a pass over the records.
        let plan = try request.output.map { output throws(EmitError) in
            let inputs = (request.source == .standardInput ? [] : [PlannedInput(path: request.displayName, role: "the records")])
                + (request.rules.map { [PlannedInput(path: $0, role: "the rules")] } ?? [])
            return try OutputPlan(outputs: [PlannedOutput(path: output, option: "--output")], inputs: inputs)
        }
        let inventory = try InventoryScanner.scan(source: request.source, displayName: request.displayName, rules: rules)
        let text = InventoryRenderer.render(inventory, format: request.format)
        if let plan {
            let staged = try plan.stage()
            try staged.files[0].write(Array(text.utf8))
            try staged.commit()
        } else {
            var sink = TextSink(fileDescriptor: 1)
            sink.write(text)
            try sink.flush(destination: "standard output")
        }
        return inventory
    }
}
