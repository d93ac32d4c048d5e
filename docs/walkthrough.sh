#!/usr/bin/env bash
# One fault from intake to close, on the dev-mode demo data (./mvnw quarkus:dev). Needs curl and jq.
# Circuit WH-YC-DC-0001 (数字电路 武汉–宜昌, 湖北示例电力公司) is taken at the 湖北 acceptance desk HB-ACC.
# Every call carries a token (docs/security.md): each action the acting person's own (the token is the actor),
# the lookups the automation service account's. Dev mode's development issuer hands them out:
# GET /auth/dev-token?login=<login> for a person, ?client=<service account> for a service account.
set -euo pipefail
API=${API:-http://localhost:8080/api/v1}
DEV_TOKEN=${DEV_TOKEN:-${API%/api/v1}/auth/dev-token}
token() { curl -sf "$DEV_TOKEN?$1" | jq -r .access_token; }
READ=$(token client=automation)
get() { curl -sf -H "Authorization: Bearer $READ" "$@"; }
json() { local t=$1; shift; curl -sf -H "Authorization: Bearer $t" -H 'Content-Type: application/json' "$@"; }
try() { local t=$1; shift; curl -s -H "Authorization: Bearer $t" -H 'Content-Type: application/json' "$@"; }  # refusals
unit() { get "$API/units?code=$1" | jq -r '.[0].id'; }
person() { get "$API/people?unitId=$(unit "$1")&role=$2" | jq -r '.[0].id'; }
token_of() { token "login=$(get "$API/people/$1" | jq -r .login)"; }    # a person's token, by their id

DESK=$(unit HB-ACC); LINA=$(person HB-ACC ACCEPTOR); LINA_T=$(token_of "$LINA")   # 李娜, acceptor at the 湖北 desk
WH=$(unit HB-WH); GAO=$(person HB-WH HANDLER); GAO_T=$(token_of "$GAO")            # 高翔, 武汉本地网
YC=$(unit HB-YC); FANG=$(person HB-YC HANDLER); FANG_T=$(token_of "$FANG")         # 方勇, 宜昌本地网

echo "1. 受理 intake (T1–T3)"
T=$(json "$LINA_T" -X POST "$API/tickets" -d "{
  \"customerCode\": \"C-HB-0001\", \"customerName\": \"湖北示例电力公司\",
  \"circuitCode\": \"WH-YC-DC-0001\", \"businessType\": \"DIGITAL_CIRCUIT\", \"direction\": \"武汉—宜昌\",
  \"occurredAt\": \"$(date -u -d '-10 min' +%FT%TZ)\", \"symptom\": \"电路中断，两端业务不通\",
  \"reporter\": {\"name\": \"王经理\", \"contact\": \"13800000000\"},
  \"channel\": \"HOTLINE\", \"acceptanceUnitId\": \"$DESK\"}" | jq -r .id)
get "$API/tickets/$T" | jq -c '{number, status, phase, scope}'

echo "2. 接单 accept: 李娜 becomes the first responsible person (T6)"
json "$LINA_T" -X POST "$API/tickets/$T/accept" -d "{\"personId\": \"$LINA\"}" | jq -c '{status, phase, allowedActions}'

echo "3. 派单 dispatch: the whole circuit is in 湖北's jurisdiction, so both access ends at once (T16)"
WOS=$(json "$LINA_T" -X POST "$API/tickets/$T/dispatches" -d "{\"personId\": \"$LINA\"}")
echo "$WOS" | jq -c '.[] | {number, segment, status}'
WO_WH=$(echo "$WOS" | jq -r ".[] | select(.unitId == \"$WH\") | .id")
WO_YC=$(echo "$WOS" | jq -r ".[] | select(.unitId == \"$YC\") | .id")

echo "4. Each unit accepts (T4), checks alarms and configuration changes (T16) and reports progress (T9)"
json "$GAO_T" -X POST "$API/work-orders/$WO_WH/accept" -d "{\"personId\": \"$GAO\"}" >/dev/null
json "$FANG_T" -X POST "$API/work-orders/$WO_YC/accept" -d "{\"personId\": \"$FANG\"}" >/dev/null
json "$GAO_T" -X POST "$API/work-orders/$WO_WH/findings" -d "{\"personId\": \"$GAO\", \"alarm\": false, \"configChange\": false}" >/dev/null
json "$FANG_T" -X POST "$API/work-orders/$WO_YC/findings" -d "{\"personId\": \"$FANG\", \"alarm\": true, \"configChange\": false, \"note\": \"宜昌西陵局 2M 口 LOS 告警\"}" >/dev/null
json "$FANG_T" -X POST "$API/work-orders/$WO_YC/progress" -d "{\"reporterId\": \"$FANG\", \"handlerName\": \"方勇\",
  \"operation\": \"更换宜昌西陵局 2M 板卡\", \"faultSegment\": \"Z_ACCESS\", \"cause\": \"板卡故障\", \"interim\": true}" \
  | jq -c '{unitId, operation, interim}'
get "$API/tickets/$T" | jq -c '{ownerUnitId}'

echo "5. 测试 segment tests: fault-free needs its test report (T7)"
json "$GAO_T" -X POST "$API/tickets/$T/segment-tests" -d "{\"unitId\": \"$WH\", \"personId\": \"$GAO\", \"segment\": \"A_ACCESS\",
  \"result\": \"FAULT_FREE\", \"report\": {\"reference\": \"TR-WH-001\", \"summary\": \"误码仪测试 15 分钟无误码\"}}" | jq -c '{segment, result}'

echo "6. 通报客户 the acceptor updates the customer (T10)"
json "$LINA_T" -X POST "$API/tickets/$T/customer-updates" -d "{\"personId\": \"$LINA\", \"channel\": \"PHONE\",
  \"message\": \"故障定位在宜昌端接入段，正在更换板卡，预计 30 分钟内恢复\"}" | jq -c '{channel, at}'

echo "7. 业务恢复, then 故障修复 (T5)"
json "$FANG_T" -X POST "$API/tickets/$T/restore" -d "{\"personId\": \"$FANG\", \"note\": \"板卡更换后业务恢复\"}" | jq -c '{status, serviceRestoredAt}'
json "$FANG_T" -X POST "$API/tickets/$T/repair" -d "{\"personId\": \"$FANG\"}" | jq -c '{faultRepairedAt}'

echo "8. 结单 close: the acceptor, after the customer confirms; true cause kept (T12)"
json "$LINA_T" -X POST "$API/tickets/$T/close" -d "{\"personId\": \"$LINA\", \"customerConfirmed\": true,
  \"cause\": {\"category\": \"TELECOM\", \"text\": \"宜昌西陵局 2M 板卡故障\"}}" | jq -c '{status, cause, causeDiffers}'

echo "9. 历史 history"
get "$API/tickets/$T/history" | jq -r '.[] | "\(.at)  \(.action)  \(.fromStatus // "-") → \(.toStatus)  \(.detail // "")"'

# ---- A cross-domain work order (W1, docs/workorders.md) ------------------------------------------------------------
# 湖北示例电力公司 (C-HB-0001) opens a branch in 成都: its customer manager asks the customer engineer at HB-CSC for a
# networking plan; the engineer dispatches to 成都本地网 (SC-CD) and the backbone (GRP-BB) and replies once.
CUSTOMER=$(get "$API/customers?code=C-HB-0001" | jq -r '.[0].id')
CM=$(person HB-CSC CUSTOMER_MANAGER); CE=$(person HB-CSC CHIEF_CUSTOMER_ENGINEER)   # 刘芳, 黄志强
CE_T=$(token_of "$CE")
CD=$(unit SC-CD); REN=$(person SC-CD HANDLER); REN_T=$(token_of "$REN")              # 任杰, 成都本地网
BB=$(unit GRP-BB); TIAN=$(person GRP-BB HANDLER); TIAN_T=$(token_of "$TIAN")         # 田野, 集团骨干网

echo "10. 跨域协同工单 the customer engineer takes the customer manager's request at one point (W1)"
R=$(json "$CE_T" -X POST "$API/work-orders" -d "{\"type\": \"INDUSTRY_SERVICE\", \"customerId\": \"$CUSTOMER\",
  \"customerManagerId\": \"$CM\", \"customerEngineerId\": \"$CE\", \"title\": \"成都分支机构专线组网方案支撑\",
  \"description\": \"客户在成都新设分支，需核实成都端接入及骨干资源并给出组网方案\",
  \"dueAt\": \"$(date -u -d '+3 days' +%FT%TZ)\"}" | jq -r .id)
get "$API/work-orders/$R" | jq -c '{number, type, status}'

echo "11. dispatch to the teams of two other domains, each with its due time"
json "$CE_T" -X POST "$API/work-orders/$R/dispatches" -d "{\"personId\": \"$CE\", \"tasks\": [
  {\"unitId\": \"$CD\", \"instructions\": \"核实成都端接入资源，给出接入方案\", \"dueAt\": \"$(date -u -d '+1 day' +%FT%TZ)\"},
  {\"unitId\": \"$BB\", \"instructions\": \"核实武汉—成都骨干段带宽\"}]}" | jq -c '.[] | {number, unitId, dueAt}'
T1=$(get "$API/work-orders?parentId=$R&unitId=$CD" | jq -r '.[0].id')
T2=$(get "$API/work-orders?parentId=$R&unitId=$BB" | jq -r '.[0].id')

echo "12. each team accepts and completes its task; no reply while one is open (422 W1)"
json "$REN_T" -X POST "$API/work-orders/$T1/accept" -d "{\"personId\": \"$REN\"}" >/dev/null
json "$REN_T" -X POST "$API/work-orders/$T1/complete" -d "{\"personId\": \"$REN\", \"result\": \"成都端接入资源具备，方案已上传\"}" | jq -c '{number, status}'
try "$CE_T" -X POST "$API/work-orders/$R/reply" -d "{\"personId\": \"$CE\", \"message\": \"方案已完成\"}" | jq -c '{status, code, detail}'
json "$TIAN_T" -X POST "$API/work-orders/$T2/accept" -d "{\"personId\": \"$TIAN\"}" >/dev/null
json "$TIAN_T" -X POST "$API/work-orders/$T2/complete" -d "{\"personId\": \"$TIAN\", \"result\": \"骨干段带宽充足\"}" | jq -c '{number, status}'

echo "13. one reply to the customer manager closes it (a second one is 409)"
json "$CE_T" -X POST "$API/work-orders/$R/reply" -d "{\"personId\": \"$CE\",
  \"message\": \"成都端接入与骨干资源均已核实，组网方案见附件\"}" | jq -c '{status, reply}'
try "$CE_T" -X POST "$API/work-orders/$R/reply" -d "{\"personId\": \"$CE\", \"message\": \"再次回复\"}" | jq -c '{status, code}'

# ---- A cutover (A1, docs/aftersales.md) ----------------------------------------------------------------------------
# 武汉本地网 moves a cable carrying WH-YC-DC-0001 (湖北示例电力公司) and WH-CD-MSTP-0001 (长江示例航运集团). A cutover is
# announced at least the lead time (72 h) before it starts; to see it start and complete now, run dev mode with a
# one-minute lead: ONEPOINT_SLA_CUTOVER_LEAD=PT1M ./mvnw quarkus:dev (the script then waits about a minute).
LEAD=${CUTOVER_LEAD_SECONDS:-60}
circuit() { get "$API/circuits?code=$1" | jq -r '.[0].id'; }
customer() { get "$API/customers?code=$1" | jq -r '.[0].id'; }
cutover() { try "$1" -X POST "$API/cutovers$2" -d "$3"; }                           # as whose token, path, body
SONG=$(person HB-WH SUPERVISOR); SONG_T=$(token_of "$SONG")                          # 宋志刚, 主管
plan() { cutover "$GAO_T" "" "{\"title\": \"武汉汉口局光缆迁改\", \"description\": \"配合市政施工迁改汉口局出局光缆\",
  \"impact\": \"业务中断约 30 分钟\", \"plannedStart\": \"$1\", \"plannedEnd\": \"$2\",
  \"circuitIds\": [\"$(circuit WH-YC-DC-0001)\", \"$(circuit WH-CD-MSTP-0001)\"],
  \"executingUnitId\": \"$WH\", \"plannerId\": \"$GAO\"}"; }

echo "14. 割接 a start inside the lead time is refused (422 A1)"
plan "$(date -u -d '+10 sec' +%FT%TZ)" "$(date -u -d '+1 hour' +%FT%TZ)" | jq -c '{status, code, detail}'

echo "15. plan it in time: the affected customers are found from the circuits"
START=$(date -u -d "+$((LEAD + 20)) sec" +%FT%TZ); END=$(date -u -d '+2 hours' +%FT%TZ)
PLAN=$(plan "$START" "$END")
if [ "$(echo "$PLAN" | jq -r .status)" = 422 ]; then
  echo "    (this service's lead time is longer than ${LEAD}s: planned 4 days ahead; start and complete are skipped)"
  START=$(date -u -d '+4 days' +%FT%TZ); END=$(date -u -d '+4 days 4 hours' +%FT%TZ); LEAD=
  PLAN=$(plan "$START" "$END")
fi
C=$(echo "$PLAN" | jq -r .id)
echo "$PLAN" | jq -c '{number, status, plannedStart, customers: [.customers[].customerCode]}'

echo "16. announce: each customer's manager is notified, each acknowledgement timed"
cutover "$SONG_T" "/$C/announce" "{\"personId\": \"$SONG\"}" | jq -c '.customers[] | {customerCode, recipientRole, ackDueAt}'
for code in C-HB-0001 C-GRP-0001; do
  CM_OF=$(get "$API/customers?code=$code" | jq -r '.[0].cmId')                     # the customer's manager acknowledges
  cutover "$(token_of "$CM_OF")" "/$C/acknowledgements" "{\"customerId\": \"$(customer $code)\",
    \"personId\": \"$CM_OF\", \"contactName\": \"王经理\"}" \
    | jq -c '{acknowledgedCount}'
done

echo "17. not before the planned start (422 A1); then start and complete: the customers hear it is over"
cutover "$GAO_T" "/$C/start" "{\"personId\": \"$GAO\"}" | jq -c '{status, code}'
if [ -n "$LEAD" ]; then
  sleep $(( $(date -d "$START" +%s) - $(date +%s) + 1 ))
  cutover "$GAO_T" "/$C/start" "{\"personId\": \"$GAO\"}" | jq -c '{status, startedAt}'
  cutover "$GAO_T" "/$C/complete" "{\"personId\": \"$GAO\", \"outcome\": \"SUCCEEDED\", \"note\": \"业务均已恢复\"}" | jq -c '{status, outcome}'
fi
get "$API/cutovers/$C/notifications" | jq -r '.[] | "\(.role)  \(.text[0:40])…"'
get "$API/cutovers/$C/history" | jq -r '.[] | "\(.at)  \(.action)  \(.fromStatus // "-") → \(.toStatus)"'
