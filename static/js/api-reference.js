// Swagger UI over /api/v1/openapi.json: no inline script, so the strict CSP holds.
document.addEventListener("DOMContentLoaded", function () {
  var container = document.getElementById("api-reference");
  if (!container || typeof SwaggerUIBundle !== "function") {
    return;
  }
  SwaggerUIBundle({
    url: container.dataset.specUrl,
    domNode: container,
    deepLinking: false,
    tryItOutEnabled: false,
    supportedSubmitMethods: ["get"],
    defaultModelsExpandDepth: 0,
  });
});
