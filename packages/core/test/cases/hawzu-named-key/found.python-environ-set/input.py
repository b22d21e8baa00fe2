import os
os.environ["HAWZU_ACCESS_TOKEN"] = "vXxWvPVKeT1ODirOuLLI47Q6oqJFRuTDOi76"
