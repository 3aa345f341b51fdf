mkfifo out.csv
