import { z } from "zod"
import { activityPageShape } from "../../../../utils/activity"

export const StoreGetCustomerActivityParams = z.object(activityPageShape).strict()
export type StoreGetCustomerActivityParamsType = z.infer<typeof StoreGetCustomerActivityParams>
