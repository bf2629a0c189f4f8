"""python -m macros.translation status | todo LANG FILE | add LANG FILE FILLED"""
import sys

from .status import main

sys.exit(main(sys.argv[1:]))
