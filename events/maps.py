"""Where events stand on a map: at their place."""


def event_pairs(events, limit=None):
    rows = events.filter(place__isnull=False).for_map()[:limit]
    return [("event", event, event.place) for event in rows]
