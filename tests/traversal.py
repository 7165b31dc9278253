"""Encodings of a path that leaves a folder, shared by the httpd tests and the share sandbox's browser test.

Each is relative to a site's folder and aims at `secret.txt` one or two folders up.
"""

TRAVERSALS = [
    "../secret.txt",  # literal (browsers and URL parsers resolve it; raw HTTP clients do not)
    "../../secret.txt",
    "%2e%2e/secret.txt",  # percent-encoded dots
    "%2E%2E/secret.txt",
    ".%2e/secret.txt",
    "..%2fsecret.txt",  # percent-encoded slash
    "..%2Fsecret.txt",
    "%2e%2e%2fsecret.txt",
    "..%2f..%2fsecret.txt",
    "..%5csecret.txt",  # percent-encoded backslash
    "..\\secret.txt",  # raw backslash
    "assets\\..\\..\\secret.txt",
    "%252e%252e%252fsecret.txt",  # double encoding
    "..%252fsecret.txt",
    "%c0%ae%c0%ae%c0%afsecret.txt",  # overlong UTF-8
    "%u002e%u002e%u2215secret.txt",  # IIS %u escapes
    "%EF%BC%8E%EF%BC%8E%EF%BC%8Fsecret.txt",  # fullwidth dots and slash (NFKC: "../")
    "..;/secret.txt",  # path parameter (Tomcat reads "..;" as "..")
    "..%00/secret.txt",  # NUL
    "assets/..%2f..%2fsecret.txt",  # from inside an allowed folder
    "assets/%2e%2e/%2e%2e/secret.txt",
    "pyodide/..%2f..%2fsecret.txt",
    "assets//..%2f..%2fsecret.txt",
]
