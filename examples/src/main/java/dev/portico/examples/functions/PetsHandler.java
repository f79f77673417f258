package dev.portico.examples.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pets function (payload format 2.0), written as one writes it for AWS Lambda: {@code GET /pets}, {@code GET
 * /pets/{petId}}, {@code POST /pets} (JWT-authorized: the creator is the token's {@code sub}) and {@code DELETE
 * /pets/{petId}} (Lambda-authorized: the authorizer's context names the caller). The store lives in the function
 * instance, as it would in a warm Lambda container.
 */
public class PetsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<Integer, ObjectNode> pets = new ConcurrentSkipListMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<String, Integer> coldStarts = new ConcurrentHashMap<>();

  /** Creates the function with two pets, as Lambda does on a cold start. */
  public PetsHandler() {
    add("Rex", "dog", "seed");
    add("Tom", "cat", "seed");
    coldStarts.merge("count", 1, Integer::sum);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    context.getLogger().log("pets: " + event.getRouteKey() + " request " + context.getAwsRequestId());
    String id = event.getPathParameters() == null ? null : event.getPathParameters().get("petId");
    return switch (event.getRouteKey()) {
      case "GET /pets" -> json(200, JSON.valueToTree(pets.values()));
      case "GET /pets/{petId}" -> find(id) == null ? message(404, "no pet " + id) : json(200, find(id));
      case "POST /pets" -> create(event);
      case "DELETE /pets/{petId}" -> delete(event, id);
      default -> message(400, "pets does not serve " + event.getRouteKey());
    };
  }

  private APIGatewayV2HTTPResponse create(APIGatewayV2HTTPEvent event) {
    JsonNode body;
    try {
      body = JSON.readTree(event.getBody() == null ? "" : event.getBody());
    } catch (JsonProcessingException e) {
      return message(400, "the body is not JSON");
    }
    if (body == null || !body.path("name").isTextual()) {
      return message(400, "a pet needs a name");
    }
    String creator = event.getRequestContext().getAuthorizer().getJwt().getClaims().get("sub");
    ObjectNode pet = add(body.path("name").asText(), body.path("type").asText("unknown"), creator);
    return APIGatewayV2HTTPResponse.builder().withStatusCode(201)
        .withHeaders(Map.of("content-type", "application/json", "location", "/pets/" + pet.path("id").asInt()))
        .withBody(pet.toString()).build();
  }

  private APIGatewayV2HTTPResponse delete(APIGatewayV2HTTPEvent event, String id) {
    ObjectNode pet = find(id);
    if (pet == null) {
      return message(404, "no pet " + id);
    }
    pets.remove(pet.path("id").asInt());
    Object caller = event.getRequestContext().getAuthorizer().getLambda().get("caller");
    return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
        .withHeaders(Map.of("content-type", "application/json"))
        .withBody("{\"deleted\":" + pet.path("id").asInt() + ",\"by\":\"" + caller + "\"}").build();
  }

  private ObjectNode find(String id) {
    try {
      return id == null ? null : pets.get(Integer.parseInt(id));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private ObjectNode add(String name, String type, String creator) {
    int id = ids.incrementAndGet();
    ObjectNode pet = JSON.createObjectNode().put("id", id).put("name", name).put("type", type).put("addedBy", creator);
    pets.put(id, pet);
    return pet;
  }

  private static APIGatewayV2HTTPResponse json(int status, JsonNode body) {
    return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
        .withHeaders(Map.of("content-type", "application/json")).withBody(body.toString()).build();
  }

  private static APIGatewayV2HTTPResponse message(int status, String message) {
    return json(status, JSON.createObjectNode().put("message", message));
  }
}
