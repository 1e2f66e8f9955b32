"""`python -m trustjournal.cli`: the command line without the app."""

import sys

from trustjournal.cli import main

sys.exit(main())
