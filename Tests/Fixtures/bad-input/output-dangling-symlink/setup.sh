ln -s nowhere/x.csv out.csv
