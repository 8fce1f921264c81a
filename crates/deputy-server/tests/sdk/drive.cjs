// Drives Deputy's OpenFGA-compatible API with OpenFGA's official JavaScript SDK.
// Run by crates/deputy-server/tests/it/sdk.rs with DEPUTY_URL, DEPUTY_KEY and NODE_PATH set.
"use strict";

const assert = require("node:assert/strict");
const {
  OpenFgaClient,
  CredentialsMethod,
  FgaApiValidationError,
  FgaApiNotFoundError,
  FgaApiAuthenticationError,
} = require("@openfga/sdk");

const apiUrl = process.env.DEPUTY_URL;
const token = process.env.DEPUTY_KEY;

const model = {
  schema_version: "1.1",
  type_definitions: [
    { type: "user" },
    {
      type: "team",
      relations: { member: { this: {} } },
      metadata: { relations: { member: { directly_related_user_types: [{ type: "user" }] } } },
    },
    {
      type: "repo",
      relations: {
        owner: { this: {} },
        blocked: { this: {} },
        reader: {
          difference: {
            base: { union: { child: [{ this: {} }, { computedUserset: { relation: "owner" } }] } },
            subtract: { computedUserset: { relation: "blocked" } },
          },
        },
      },
      metadata: {
        relations: {
          owner: { directly_related_user_types: [{ type: "user" }] },
          blocked: { directly_related_user_types: [{ type: "user" }] },
          reader: {
            directly_related_user_types: [
              { type: "user" },
              { type: "team", relation: "member" },
              { type: "user", condition: "in_office_hours" },
            ],
          },
        },
      },
    },
  ],
  conditions: {
    in_office_hours: {
      name: "in_office_hours",
      expression: "hour >= 9 && hour < 17",
      parameters: { hour: { type_name: "TYPE_NAME_INT" } },
    },
  },
};

const steps = [];
function step(name) {
  steps.push(name);
  console.log(`step: ${name}`);
}

async function rejects(promise, cls, code) {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof cls, `expected ${cls.name}, got ${err && err.constructor.name}: ${err}`);
    if (code) assert.equal(err.apiErrorCode, code);
    return err;
  }
  assert.fail(`expected ${cls.name}`);
}

async function main() {
  const credentials = { method: CredentialsMethod.ApiToken, config: { token } };
  const fga = new OpenFgaClient({ apiUrl, credentials });

  step("stores");
  const store = await fga.createStore({ name: "sdk-store" });
  assert.match(store.id, /^[0-9A-HJKMNP-TV-Z]{26}$/);
  fga.storeId = store.id;
  const got = await fga.getStore();
  assert.equal(got.name, "sdk-store");
  const listed = await fga.listStores();
  assert.ok(listed.stores.some((s) => s.id === store.id));

  step("authorization models");
  const { authorization_model_id: modelId } = await fga.writeAuthorizationModel(model);
  const latest = await fga.readLatestAuthorizationModel();
  assert.equal(latest.authorization_model.id, modelId);
  assert.equal(latest.authorization_model.type_definitions.length, 3);
  const byId = await fga.readAuthorizationModel({ authorizationModelId: modelId });
  assert.deepEqual(byId.authorization_model.conditions.in_office_hours.parameters.hour, { type_name: "TYPE_NAME_INT" });
  const models = await fga.readAuthorizationModels();
  assert.equal(models.authorization_models.length, 1);
  await rejects(
    fga.writeAuthorizationModel({ schema_version: "1.1", type_definitions: [{ type: "repo", relations: { reader: { computedUserset: { relation: "ghost" } } } }] }),
    FgaApiValidationError,
    "invalid_authorization_model",
  );
  fga.authorizationModelId = modelId;

  step("write and delete tuples");
  await fga.write({
    writes: [
      { user: "user:anne", relation: "owner", object: "repo:api" },
      { user: "team:sec#member", relation: "reader", object: "repo:api" },
      { user: "user:bob", relation: "member", object: "team:sec" },
      { user: "user:carl", relation: "member", object: "team:sec" },
      { user: "user:carl", relation: "blocked", object: "repo:api" },
      { user: "user:dana", relation: "reader", object: "repo:web", condition: { name: "in_office_hours" } },
    ],
  });
  await fga.writeTuples([{ user: "user:erin", relation: "owner", object: "repo:web" }]);
  await fga.deleteTuples([{ user: "user:erin", relation: "owner", object: "repo:web" }]);
  await rejects(
    fga.writeTuples([{ user: "user:anne", relation: "owner", object: "repo:api" }]),
    FgaApiValidationError,
    "write_failed_due_to_invalid_input",
  );
  await fga.writeTuples([{ user: "user:anne", relation: "owner", object: "repo:api" }], {
    conflict: { onDuplicateWrites: "ignore" },
  });
  await rejects(
    fga.writeTuples([{ user: "team:sec", relation: "owner", object: "repo:api" }]),
    FgaApiValidationError,
    "invalid_tuple",
  );

  step("check");
  const allowed = async (user, relation, object, extra = {}) =>
    (await fga.check({ user, relation, object, ...extra })).allowed;
  assert.equal(await allowed("user:anne", "reader", "repo:api"), true);
  assert.equal(await allowed("user:bob", "reader", "repo:api"), true);
  assert.equal(await allowed("user:carl", "reader", "repo:api"), false, "blocked beats team membership");
  assert.equal(await allowed("user:erin", "owner", "repo:web"), false, "deleted");
  assert.equal(await allowed("user:dana", "reader", "repo:web", { context: { hour: 10 } }), true);
  assert.equal(await allowed("user:dana", "reader", "repo:web", { context: { hour: 22 } }), false);
  assert.equal(
    await allowed("user:fay", "reader", "repo:web", {
      contextualTuples: [{ user: "user:fay", relation: "owner", object: "repo:web" }],
    }),
    true,
  );
  const missing = await rejects(
    fga.check({ user: "user:dana", relation: "reader", object: "repo:web" }),
    FgaApiValidationError,
    "validation_error",
  );
  assert.match(missing.apiErrorMessage, /hour/);
  await rejects(fga.check({ user: "user:anne", relation: "nope", object: "repo:api" }), FgaApiValidationError, "validation_error");

  step("batch check");
  const batch = await fga.batchCheck({
    checks: [
      { user: "user:anne", relation: "reader", object: "repo:api", correlationId: "anne" },
      { user: "user:carl", relation: "reader", object: "repo:api", correlationId: "carl" },
      { user: "user:bob", relation: "reader", object: "repo:api" },
      { user: "user:anne", relation: "nope", object: "repo:api", correlationId: "bad" },
    ],
  });
  const byCid = Object.fromEntries(batch.result.map((r) => [r.correlationId, r]));
  assert.equal(byCid.anne.allowed, true);
  assert.equal(byCid.carl.allowed, false);
  assert.equal(byCid.bad.allowed, false);
  assert.equal(byCid.bad.error.input_error, "validation_error");
  assert.equal(batch.result.filter((r) => r.request.user === "user:bob")[0].allowed, true);

  step("list objects, relations and users");
  assert.deepEqual((await fga.listObjects({ user: "user:bob", relation: "reader", type: "repo" })).objects, ["repo:api"]);
  const relations = await fga.listRelations({ user: "user:anne", object: "repo:api", relations: ["owner", "reader", "blocked"] });
  assert.deepEqual(relations.relations.sort(), ["owner", "reader"]);
  const users = await fga.listUsers({
    object: { type: "repo", id: "api" },
    relation: "reader",
    user_filters: [{ type: "user" }],
  });
  assert.deepEqual(users.users.map((u) => u.object.id).sort(), ["anne", "bob"]);

  step("expand");
  const tree = await fga.expand({ relation: "reader", object: "repo:api" });
  const base = tree.tree.root.difference.base.union.nodes;
  assert.deepEqual(base[0].leaf.users.users, ["team:sec#member"]);
  assert.equal(base[1].leaf.computed.userset, "repo:api#owner");

  step("read and read changes");
  const seen = [];
  let continuationToken;
  do {
    const page = await fga.read({}, { pageSize: 2, continuationToken });
    seen.push(...page.tuples.map((t) => `${t.key.user} ${t.key.relation} ${t.key.object}`));
    continuationToken = page.continuation_token;
  } while (continuationToken);
  assert.equal(seen.length, 6, seen.join("\n"));
  const conditioned = await fga.read({ user: "user:dana", relation: "reader", object: "repo:web" });
  assert.equal(conditioned.tuples[0].key.condition.name, "in_office_hours");
  const changes = await fga.readChanges({ type: "repo" }, { pageSize: 100 });
  const ops = changes.changes.map((c) => c.operation);
  assert.deepEqual(ops.slice(-2), ["TUPLE_OPERATION_WRITE", "TUPLE_OPERATION_DELETE"]);

  step("assertions");
  const assertions = [{ tuple_key: { user: "user:bob", relation: "reader", object: "repo:api" }, expectation: true }];
  await fga.writeAssertions(
    assertions.map((a) => ({ ...a.tuple_key, expectation: a.expectation })),
  );
  const readBack = await fga.readAssertions();
  assert.equal(readBack.authorization_model_id, modelId);
  assert.deepEqual(readBack.assertions.map((a) => a.tuple_key), assertions.map((a) => a.tuple_key));

  step("errors");
  const stranger = new OpenFgaClient({ apiUrl, storeId: store.id, credentials: { method: CredentialsMethod.ApiToken, config: { token: "wrong-fake-key" } } });
  await rejects(stranger.getStore(), FgaApiAuthenticationError);
  await fga.deleteStore();
  await rejects(fga.getStore(), FgaApiNotFoundError, "store_id_not_found");

  console.log(`sdk: all steps passed (${steps.length})`);
}

main().catch((err) => {
  console.error(`sdk: failed after steps [${steps.join(", ")}]`);
  console.error(err && err.stack ? err.stack : err);
  if (err && err.responseData) console.error(JSON.stringify(err.responseData));
  process.exit(1);
});
