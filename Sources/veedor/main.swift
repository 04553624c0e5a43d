print("veedor")
