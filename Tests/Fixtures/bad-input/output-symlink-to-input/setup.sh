ln -s table.csv link.csv
