"""
The ``aiforecasts`` command: its commands (`main`) and one record for people (`render`);
it uses the public API as any user does.
"""
