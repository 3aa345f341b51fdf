/// Small tables a statistician can check by eye, shared by the end-to-end tests.
enum SampleTables {
    /// County × Sex with totals in both dimensions, every count 0 or at least 11: nothing to hide.
    static let cleanCSV = """
        County,Sex,Cases
        North,Female,25
        North,Male,31
        North,Total,56
        South,Female,40
        South,Male,0
        South,Total,40
        Total,Female,65
        Total,Male,31
        Total,Total,96

        """

    static let description = """
        version: 1
        policy: calhhs-ddg-2.0
        table:
          input: aggregate
          dimensions:
            - column: County
              role: residence_geography
              total: Total
            - column: Sex
              role: sex
              total: Total
          count: Cases

        """

    /// Three counties × sex with totals; Alder/Female (line 2) is a small count, so `check` fails and `release`
    /// must hide it and enough other cells that it cannot be recomputed from the totals.
    static let smallCSV = """
        County,Sex,Cases,Population,Rate
        Alder,Female,4,21000,19.0
        Alder,Male,27,20500,131.7
        Alder,Total,31,41500,74.7
        Birch,Female,38,30000,126.7
        Birch,Male,45,29000,155.2
        Birch,Total,83,59000,140.7
        Cedar,Female,52,26000,200.0
        Cedar,Male,0,25000,0.0
        Cedar,Total,52,51000,102.0
        Total,Female,94,77000,122.1
        Total,Male,72,74500,96.6
        Total,Total,166,151500,109.6

        """

    static let smallDescription = Repo.fixtureText("canary/county-sex.deid.yaml")

    /// A ragged row (line 3 has one field too many): the table cannot be read.
    static let raggedCSV = """
        County,Sex,Cases
        North,Female,25
        North,Male,31,9
        North,Total,56

        """

    /// A scratch folder holding `name.csv` with `name.deid.yaml` beside it.
    static func folder(_ tables: [(name: String, csv: String, description: String)]) throws -> Scratch {
        let scratch = try Scratch()
        for table in tables {
            try scratch.write(table.name + ".csv", table.csv)
            try scratch.write(table.name + ".deid.yaml", table.description)
        }
        return scratch
    }
}
