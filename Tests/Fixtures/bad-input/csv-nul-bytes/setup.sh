head -c 4098 /dev/zero > table.csv
