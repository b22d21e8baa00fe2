import hawzu

client = hawzu.Client("il5t775m9vxDIZFB6giHvujGlDBYbgSgC6WKNo1Y", workspace="ws_001")
