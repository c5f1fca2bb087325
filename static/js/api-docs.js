// Starts Swagger UI (static/vendor/swagger-ui-dist/) on the API documentation
// page, with the schema address the page gives in data-schema-url. Kept out of the
// page so the Content-Security-Policy needs no inline script.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  if (!root || typeof window.SwaggerUIBundle !== "function") {
    return;
  }
  window.SwaggerUIBundle({
    url: root.getAttribute("data-schema-url"),
    domNode: root,
    deepLinking: true,
    // The badge would ask validator.swagger.io, another host, about the schema.
    validatorUrl: null,
  });
})();
