/** Outbound webhook administration (admin scope): endpoints, deliveries and their attempts, replays. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { newWebhookSecret } from '../../webhooks/signing.js';
import type { RouteOptions } from '../app.js';
import { notFound } from '../errors.js';
import { idParams } from '../schemas/common.js';
import { errorResponses } from '../schemas/responses.js';
import {
  deliveryPage,
  deliveryQuery,
  deliveryView,
  deliveryWithAttempts,
  endpointCreate,
  endpointCreated,
  endpointView,
} from '../schemas/webhooks.js';
import { endpointViewOf } from '../views.js';

const ENDPOINTS = '/v1/webhooks/endpoints';
const DELIVERIES = '/v1/webhooks/deliveries';

export const webhookRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const store = deps.backend.webhooks;
  const config = { scope: 'admin' as const };
  const tags = ['webhooks'];

  app.post(
    ENDPOINTS,
    {
      config,
      schema: {
        tags,
        summary: 'Add an endpoint; the signing secret is returned only now',
        body: endpointCreate,
        response: { 201: endpointCreated, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const { url, events, description } = request.body;
      const secret = newWebhookSecret();
      const endpoint = await store.addEndpoint({ url, secret, events, description: description ?? null });
      request.log.info({ endpointId: endpoint.id }, 'webhook endpoint added');
      return reply.code(201).send({ ...endpointViewOf(endpoint), secret });
    },
  );

  app.get(
    ENDPOINTS,
    {
      config,
      schema: {
        tags,
        summary: 'List endpoints (without their secrets)',
        response: { 200: z.object({ endpoints: z.array(endpointView) }), ...errorResponses(401, 403, 429) },
      },
    },
    async () => ({ endpoints: (await store.listEndpoints()).map(endpointViewOf) }),
  );

  app.delete(
    `${ENDPOINTS}/:id`,
    {
      config,
      schema: {
        tags,
        summary: 'Disable an endpoint (its deliveries are kept)',
        params: idParams,
        response: { 204: z.undefined().describe('Disabled'), ...errorResponses(401, 403, 404, 429) },
      },
    },
    async (request, reply) => {
      if (!(await store.disableEndpoint(request.params.id))) throw notFound('endpoint');
      request.log.info({ endpointId: request.params.id }, 'webhook endpoint disabled');
      return reply.code(204).send();
    },
  );

  app.get(
    DELIVERIES,
    {
      config,
      schema: {
        tags,
        summary: 'List deliveries, newest first',
        querystring: deliveryQuery,
        response: { 200: deliveryPage, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request) => store.listDeliveries(request.query),
  );

  app.get(
    `${DELIVERIES}/:id`,
    {
      config,
      schema: {
        tags,
        summary: 'A delivery with every attempt',
        params: idParams,
        response: { 200: deliveryWithAttempts, ...errorResponses(401, 403, 404, 429) },
      },
    },
    async (request) => {
      const delivery = await store.getDelivery(request.params.id);
      if (delivery === null) throw notFound('delivery');
      return { ...delivery, attemptLog: await store.attempts(delivery.id) };
    },
  );

  app.post(
    `${DELIVERIES}/:id/replay`,
    {
      config,
      schema: {
        tags,
        summary: 'Send a delivery again, now',
        params: idParams,
        response: { 202: deliveryView, ...errorResponses(401, 403, 404, 429) },
      },
    },
    async (request, reply) => {
      const delivery = await store.replay(request.params.id);
      if (delivery === null) throw notFound('delivery');
      request.log.info({ deliveryId: delivery.id }, 'webhook delivery replayed');
      return reply.code(202).send(delivery);
    },
  );
};
