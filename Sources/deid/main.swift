// Placeholder entry point; the command-line front end arrives with the pipeline.
print("deid")
