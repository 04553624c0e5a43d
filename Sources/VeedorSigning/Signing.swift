// signing
