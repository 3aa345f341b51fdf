/// The tool's version, recorded in every audit report.
public enum DeidVersion {
    public static let current = "0.1.0"
}
