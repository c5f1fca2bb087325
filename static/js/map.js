/*
 * Interactive maps (Leaflet, from static/vendor/). Each `.map[data-map-src]`
 * element (templates/includes/map.html) gets the GeoJSON its attribute names and
 * shows every feature as a marker: a pin for an exact location, a dashed circle
 * for an approximate one (a point standing for a whole area), grouped into
 * clusters where they overlap. A marker's popup links to its record.
 *
 * The full map (templates/portal/map.html) sends one feature per place with the
 * records there (`properties.records`, `count`): its marker's popup lists them,
 * and a cluster shows how many records, not places, it holds, a record at
 * several of its places once (`properties.shared`).
 *
 * Under the tiles lies an outline of the countries (`data-outline-src`: the
 * vendored world-atlas TopoJSON, turned into GeoJSON by topojson-client), so a
 * map whose tiles cannot load still shows where its markers are.
 *
 * Only an enhancement: the list of the same places under the map works without
 * this script, and stays there (folded) once the map is drawn. Nothing here
 * writes markup from data: record names become text nodes.
 */
(function () {
  "use strict";

  if (!window.L || !window.fetch) {
    return;
  }

  function init(element) {
    fetch(element.dataset.mapSrc, {
      headers: { Accept: "application/geo+json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("map data: HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        draw(element, data.features || []);
      })
      .catch(function () {
        // The list of places under the map still says everything.
        element.hidden = true;
      });
  }

  function draw(element, features) {
    var labels = element.dataset;
    if (!features.length) {
      return;
    }
    element.hidden = false;
    var legend = element.nextElementSibling;
    if (legend && legend.classList.contains("map-legend")) {
      legend.hidden = false;
    }

    var map = L.map(element, { zoomControl: false, scrollWheelZoom: false });
    L.control
      .zoom({ zoomInTitle: labels.labelZoomIn, zoomOutTitle: labels.labelZoomOut })
      .addTo(map);
    drawOutline(map, labels.outlineSrc);
    L.tileLayer(labels.tileUrl, {
      attribution: labels.attribution,
      maxZoom: 18,
      // The site sends no Referer elsewhere (same-origin); tile servers such as
      // OpenStreetMap's ask for one, so tiles carry the site's origin.
      referrerPolicy: "strict-origin-when-cross-origin",
    }).addTo(map);

    var icons = {
      exact: L.icon({
        iconUrl: labels.markerIcon,
        iconRetinaUrl: labels.markerIcon2x,
        shadowUrl: labels.markerShadow,
        iconSize: [25, 41],
        iconAnchor: [12, 41],
        popupAnchor: [1, -34],
        shadowSize: [41, 41],
      }),
      approximate: L.divIcon({
        className: "map-approximate",
        html: "",
        iconSize: [30, 30],
        iconAnchor: [15, 15],
        popupAnchor: [0, -12],
      }),
    };

    var clusters = L.markerClusterGroup({
      showCoverageOnHover: false,
      // The plugin's default. Markers closer than this join a cluster; with less,
      // a pin (41 px tall) can cover part of its neighbour and leave it too small
      // a target to press (WCAG 2.5.8, which Lighthouse checks).
      maxClusterRadius: 80,
      iconCreateFunction: function (cluster) {
        // Records, not markers: a place's marker stands for all its records,
        // and a record at several places of the cluster counts once (a marker
        // lists those records' keys in `shared`).
        var count = 0;
        var shared = {};
        cluster.getAllChildMarkers().forEach(function (child) {
          count += child.options.count || 1;
          (child.options.shared || []).forEach(function (key) {
            count -= 1;
            shared[key] = true;
          });
        });
        count += Object.keys(shared).length;
        var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
        var content = document.createElement("span");
        var number = document.createElement("span");
        number.textContent = String(count);
        var hint = document.createElement("span");
        hint.className = "visually-hidden";
        hint.textContent = " " + labels.labelCluster;
        content.appendChild(number);
        content.appendChild(hint);
        return L.divIcon({
          html: content,
          className: "map-cluster map-cluster-" + size,
          iconSize: [36, 36],
        });
      },
    });

    var points = [];
    features.forEach(function (feature) {
      var coordinates = feature.geometry && feature.geometry.coordinates;
      if (!coordinates) {
        return;
      }
      var properties = feature.properties;
      var latlng = L.latLng(coordinates[1], coordinates[0]);
      var byPlace = Array.isArray(properties.records);
      var label = byPlace
        ? properties.place + " — " + properties.count + " " + labels.labelRecords
        : properties.name + " — " + properties.place;
      if (properties.approximate) {
        label += " (" + labels.labelApproximate + ")";
      }
      var marker = L.marker(latlng, {
        icon: properties.approximate ? icons.approximate : icons.exact,
        title: label,
        alt: label,
        keyboard: true,
        count: byPlace ? properties.count : 1,
        // One marker per record and place elsewhere: its record may be at others.
        shared: byPlace ? properties.shared || [] : [properties.kind + ":" + properties.slug],
      });
      marker.bindPopup(
        byPlace ? placePopupContent(properties, labels) : popupContent(properties, labels)
      );
      marker.on("popupclose", function (event) {
        // Back to the marker, unless the reader has moved on elsewhere.
        var popup = event.popup.getElement();
        var active = document.activeElement;
        var icon = marker.getElement();
        if (icon && (!active || active === document.body || popup.contains(active))) {
          icon.focus({ preventScroll: true });
        }
      });
      clusters.addLayer(marker);
      points.push(latlng);
    });
    map.addLayer(clusters);

    if (points.length === 1) {
      map.setView(points[0], features[0].properties.approximate ? 5 : 10);
    } else {
      map.fitBounds(L.latLngBounds(points), { padding: [30, 30], maxZoom: 10 });
    }

    // The popup sits after every marker in the page; keyboard users are taken
    // to its link (and back to the marker when it closes, above).
    map.on("popupopen", function (event) {
      var popup = event.popup.getElement();
      var close = popup.querySelector(".leaflet-popup-close-button");
      if (close) {
        close.setAttribute("aria-label", labels.labelClose);
        close.setAttribute("title", labels.labelClose);
      }
      if (!popup.dataset.escapes) {
        // Leaflet closes popups on Escape only while the map itself has focus.
        popup.dataset.escapes = "true";
        popup.addEventListener("keydown", function (keyEvent) {
          if (keyEvent.key === "Escape") {
            map.closePopup();
          }
        });
      }
      var link = popup.querySelector(".map-popup-name a, .map-popup-records a");
      if (link) {
        link.focus({ preventScroll: true });
      }
    });

    var list = element.parentNode.querySelector("details.map-places");
    if (list) {
      list.open = false;
    }
    element.classList.add("map-ready");
  }

  // The GeoJSON's addresses are absolute, on the site's address, for other
  // sites' tools; the map links to the same page on the site it is shown on.
  function onThisSite(address) {
    var url = new URL(address, document.baseURI);
    return url.pathname + url.search + url.hash;
  }

  function popupContent(properties, labels) {
    var box = document.createElement("div");
    box.className = "map-popup";
    var kind = document.createElement("p");
    kind.className = "map-popup-kind";
    kind.textContent = properties.kind_label;
    var name = document.createElement("p");
    name.className = "map-popup-name";
    var link = document.createElement("a");
    link.href = onThisSite(properties.url);
    link.textContent = properties.name;
    if (properties.name_lang && properties.name_lang !== document.documentElement.lang) {
      link.lang = properties.name_lang;
    }
    name.appendChild(link);
    var place = document.createElement("p");
    place.className = "map-popup-place";
    var placeName = document.createElement("span");
    placeName.textContent = properties.place;
    if (properties.place_lang && properties.place_lang !== document.documentElement.lang) {
      placeName.lang = properties.place_lang;
    }
    place.appendChild(placeName);
    if (properties.approximate) {
      place.appendChild(document.createTextNode(" (" + labels.labelApproximate + ")"));
    }
    box.appendChild(kind);
    box.appendChild(name);
    box.appendChild(place);
    return box;
  }

  // The countries, in a pane under the tiles (map.css): hidden by tiles that
  // load, and what the map shows where they do not.
  function drawOutline(map, address) {
    if (!address || !window.topojson) {
      return;
    }
    map.createPane("outline");
    fetch(address, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("outline: HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (topology) {
        var countries = topojson.feature(topology, topology.objects.countries);
        L.geoJSON(countries, {
          pane: "outline",
          interactive: false,
          style: function (feature) {
            // ISO 3166 numeric codes: China 156, Azerbaijan 031.
            var ours = feature.id === "156" || feature.id === "031";
            return {
              className: "map-country" + (ours ? " map-country-ours" : ""),
              weight: 1,
            };
          },
        }).addTo(map);
        map.getContainer().classList.add("map-outlined");
      })
      .catch(function () {
        // The tiles, where they load, show the countries anyway.
      });
  }

  function placePopupContent(properties, labels) {
    var box = document.createElement("div");
    box.className = "map-popup";
    var place = document.createElement("p");
    place.className = "map-popup-name";
    var placeName = document.createElement("span");
    placeName.textContent = properties.place;
    if (properties.place_lang && properties.place_lang !== document.documentElement.lang) {
      placeName.lang = properties.place_lang;
    }
    place.appendChild(placeName);
    if (properties.approximate) {
      place.appendChild(document.createTextNode(" (" + labels.labelApproximate + ")"));
    }
    box.appendChild(place);
    var list = document.createElement("ul");
    list.className = "map-popup-records";
    properties.records.forEach(function (record) {
      var item = document.createElement("li");
      var kind = document.createElement("span");
      kind.className = "map-popup-kind";
      kind.textContent = record.kind_label + (record.date_display ? ", " + record.date_display : "") + ": ";
      var link = document.createElement("a");
      link.href = onThisSite(record.url);
      link.textContent = record.name;
      if (record.name_lang && record.name_lang !== document.documentElement.lang) {
        link.lang = record.name_lang;
      }
      item.appendChild(kind);
      item.appendChild(link);
      list.appendChild(item);
    });
    box.appendChild(list);
    var all = document.createElement("p");
    var allLink = document.createElement("a");
    allLink.href = onThisSite(properties.place_url);
    allLink.textContent = properties.more ? properties.more_label : labels.labelPlace;
    all.appendChild(allLink);
    box.appendChild(all);
    return box;
  }

  document.querySelectorAll(".map[data-map-src]").forEach(init);
})();
