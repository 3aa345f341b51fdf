mkdir html
