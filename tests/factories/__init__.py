"""Builders for tests: factory_boy factories that make records through the services, as the product makes them.
Test modules import builders from here, never from each other; one module per app (directory, meetings,
followup)."""
