import { z } from "zod"
import { activityKinds, activityPageShape } from "../../../../utils/activity"

export const AdminGetCustomerActivityParams = z
  .object({
    kind: activityKinds.optional(),
    ...activityPageShape,
  })
  .strict()
export type AdminGetCustomerActivityParamsType = z.infer<typeof AdminGetCustomerActivityParams>
