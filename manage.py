#!/usr/bin/env python
from baken.cli import main

if __name__ == "__main__":
    main()
