printf 'County,Sex,Cases\nNorth,Female,25\nNorth,Ma\0le,7\n' > table.csv
