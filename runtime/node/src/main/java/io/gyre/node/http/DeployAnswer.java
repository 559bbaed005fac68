package io.gyre.node.http;

import akka.http.javadsl.model.StatusCode;
import akka.http.javadsl.model.StatusCodes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.node.services.DeployedService;
import io.gyre.node.services.NoSuchServiceException;
import io.gyre.node.services.ServiceException;
import java.util.concurrent.CompletionException;

/** The HTTP status and JSON body for the outcome of a service operation. */
record DeployAnswer(StatusCode status, JsonNode body) {

  static DeployAnswer of(DeployedService deployed, Throwable error) {
    if (error != null) {
      return failed(error);
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("service_id", deployed.serviceId());
    out.put("module_hash", deployed.moduleHash());
    out.put("blueprint_id", deployed.blueprintId());
    deployed.alias().ifPresent(a -> out.put("alias", a));
    deployed.aquaDeclaration().ifPresent(a -> out.put("aqua", a));
    return new DeployAnswer(StatusCodes.CREATED, out);
  }

  static DeployAnswer removed(String serviceId, Throwable error) {
    return error != null
        ? failed(error)
        : new DeployAnswer(
            StatusCodes.OK, JsonNodeFactory.instance.objectNode().put("removed", serviceId));
  }

  static DeployAnswer described(JsonNode service, Throwable error) {
    return error != null ? failed(error) : new DeployAnswer(StatusCodes.OK, service);
  }

  private static DeployAnswer failed(Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    StatusCode status =
        cause instanceof NoSuchServiceException
            ? StatusCodes.NOT_FOUND
            : cause instanceof ServiceException
                    || cause instanceof akka.pattern.StatusReply.ErrorMessage
                ? StatusCodes.UNPROCESSABLE_ENTITY
                : StatusCodes.INTERNAL_SERVER_ERROR;
    return new DeployAnswer(status, JsonViews.error(String.valueOf(cause.getMessage())));
  }
}
