ln table.csv hard.csv
